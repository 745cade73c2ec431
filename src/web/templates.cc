// The one translation unit that includes kainjow mustache (a large header).
#include "web/templates.h"

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "web/assets.h"

namespace dondoc::web {
namespace {

namespace km = kainjow::mustache;

km::data ToData(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      return km::data(false);
    case nlohmann::json::value_t::boolean:
      return km::data(j.get<bool>());
    case nlohmann::json::value_t::string: {
      const auto& s = j.get_ref<const std::string&>();
      if (s.empty()) return km::data(false);
      return km::data(s);
    }
    case nlohmann::json::value_t::array: {
      km::data list(km::data::type::list);
      for (const auto& item : j) list.push_back(ToData(item));
      return list;
    }
    case nlohmann::json::value_t::object: {
      km::data obj(km::data::type::object);
      for (const auto& [key, value] : j.items()) obj.set(key, ToData(value));
      return obj;
    }
    default:
      return km::data(j.dump());
  }
}

std::string TemplatePath(std::string_view name) {
  return "templates/" + std::string(name) + ".mustache";
}

// Resolves {{>name}} from the embedded templates instead of the data.
class PartialContext : public km::context<std::string> {
 public:
  explicit PartialContext(const km::data* data) : km::context<std::string>(data) {}

  const km::data* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    if (it != partials_.end()) return it->second.get();
    const Asset* asset = FindAsset(TemplatePath(name));
    if (asset == nullptr) return nullptr;
    auto inserted = partials_.emplace(name, std::make_unique<km::data>(std::string(asset->data)));
    return inserted.first->second.get();
  }

 private:
  mutable std::map<std::string, std::unique_ptr<km::data>> partials_;
};

// kainjow's render() is not const (it records errors), so each thread keeps its own parsed
// copy of every template it has used.
km::mustache* Compiled(std::string_view name, std::string* error) {
  thread_local std::map<std::string, std::unique_ptr<km::mustache>, std::less<>> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second.get();
  const Asset* asset = FindAsset(TemplatePath(name));
  if (asset == nullptr) return nullptr;
  auto tmpl = std::make_unique<km::mustache>(std::string(asset->data));
  if (!tmpl->is_valid()) {
    *error = tmpl->error_message();
    return nullptr;
  }
  return cache.emplace(std::string(name), std::move(tmpl)).first->second.get();
}

}  // namespace

Result<std::string> RenderTemplate(std::string_view name, const nlohmann::json& data) {
  std::string error;
  km::mustache* tmpl = Compiled(name, &error);
  if (tmpl == nullptr) {
    if (!error.empty()) return Status::Internal("template " + std::string(name) + ": " + error);
    return Status::NotFound("no template " + std::string(name));
  }
  try {
    km::data root = ToData(data);
    PartialContext ctx(&root);
    std::string out = tmpl->render(ctx);
    if (!tmpl->is_valid()) {
      return Status::Internal("template " + std::string(name) + ": " + tmpl->error_message());
    }
    return out;
  } catch (const std::exception& e) {
    return Status::Internal(std::string("template ") + std::string(name) + ": " + e.what());
  }
}

std::string HtmlEscape(std::string_view s) { return km::html_escape(std::string(s)); }

}  // namespace dondoc::web
