#include "domain/scorecard.h"

#include <algorithm>
#include <map>
#include <set>

namespace dondoc::domain {

double ScoreCounts::completion_rate() const {
  long d = due();
  return d > 0 ? static_cast<double>(done()) / static_cast<double>(d) : 0.0;
}

double ScoreCounts::overdue_rate() const {
  long d = due();
  return d > 0 ? static_cast<double>(overdue) / static_cast<double>(d) : 0.0;
}

ScoreCounts& ScoreCounts::operator+=(const ScoreCounts& o) {
  assigned += o.assigned;
  not_due += o.not_due;
  in_progress += o.in_progress;
  done_on_time += o.done_on_time;
  done_late += o.done_late;
  overdue += o.overdue;
  paused += o.paused;
  return *this;
}

void Tally(const StatusFacts& f, text::Date as_of, ScoreCounts* c) {
  ++c->assigned;
  if (DoneBy(f, as_of)) {
    if (f.due && f.done_date && *f.done_date > *f.due) {
      ++c->done_late;
    } else {
      ++c->done_on_time;
    }
    return;
  }
  if (f.status == StoredStatus::kPaused) {
    ++c->paused;
    return;
  }
  if (f.due && *f.due < as_of) {
    ++c->overdue;
    return;
  }
  ++c->in_progress;
  if (!f.due || *f.due > as_of) ++c->not_due;
}

namespace {

std::vector<ScoreRow> ToRows(const std::map<Id, ScoreCounts>& m) {
  std::vector<ScoreRow> out;
  out.reserve(m.size());
  for (const auto& [key, counts] : m) out.push_back(ScoreRow{key, counts});
  return out;
}

}  // namespace

std::vector<ScoreRow> ScoreByUnit(const std::vector<ScoreItem>& items, text::Date as_of) {
  std::map<Id, ScoreCounts> m;
  for (const ScoreItem& it : items) {
    std::set<Id> units(it.lead_unit_ids.begin(), it.lead_unit_ids.end());
    for (Id u : units) Tally(it.facts, as_of, &m[u]);
  }
  return ToRows(m);
}

std::vector<ScoreRow> ScoreByField(const std::vector<ScoreItem>& items,
                                   const std::vector<Field>& fields, text::Date as_of) {
  std::map<Id, std::set<Id>> fields_of_unit;
  for (const Field& f : fields) {
    for (Id u : f.unit_ids) fields_of_unit[u].insert(f.id);
  }
  std::map<Id, ScoreCounts> m;
  for (const ScoreItem& it : items) {
    std::set<Id> hit;
    for (Id u : it.lead_unit_ids) {
      auto found = fields_of_unit.find(u);
      if (found != fields_of_unit.end()) hit.insert(found->second.begin(), found->second.end());
    }
    for (Id f : hit) Tally(it.facts, as_of, &m[f]);
  }
  return ToRows(m);
}

std::vector<ScoreRow> ScoreByNotice(const std::vector<ScoreItem>& items, text::Date as_of) {
  std::map<Id, ScoreCounts> m;
  for (const ScoreItem& it : items) Tally(it.facts, as_of, &m[it.notice_id]);
  return ToRows(m);
}

}  // namespace dondoc::domain
