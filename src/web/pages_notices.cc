// Pages: import a notice (file or pasted text), the notices list, the review screen with its
// edits (save, split, merge, delete, add) and confirmation.
#include <charconv>

#include "app/policy.h"
#include "web/notice_view.h"
#include "web/page_support.h"
#include "web/pages.h"
#include "web/templates.h"

namespace dondoc::web {
namespace {

using nlohmann::json;

http::Response ImportPage(PageCall& c, int status, std::string_view error,
                          std::string_view filename = "", std::string_view text = "") {
  PageSpec spec;
  spec.title = "Nhập thông báo";
  spec.active = "/import";
  spec.body = "import";
  json data = {{"error", error}, {"filename", filename}, {"text", text}};
  return HtmlResponse(RenderPage(&c.viewer, spec, data), status);
}

std::string ImportError(const Status& st) {
  switch (st.code()) {
    case StatusCode::kUnsupported:
      return "Định dạng tệp không được hỗ trợ. Hãy dùng .docx, .pdf hoặc .txt.";
    case StatusCode::kTooLarge:
      return "Tệp quá lớn (tối đa 25 MB).";
    case StatusCode::kInvalidArgument:
    case StatusCode::kCorruption:
      return "Không đọc được văn bản: tệp hỏng hoặc không phải thông báo. (" + st.message() + ")";
    case StatusCode::kPermissionDenied:
      return "Bạn không có quyền nhập thông báo.";
    default:
      return "Hệ thống gặp lỗi khi đọc văn bản. Vui lòng thử lại.";
  }
}

http::Response ReviewPage(PageCall& c, domain::Id notice_id, std::optional<Flash> flash,
                          int status = 200) {
  auto view = c.service.GetNotice(c.caller, notice_id);
  if (!view.ok()) return StatusPage(&c.viewer, view.status(), "/notices");
  std::vector<domain::Unit> units;
  if (auto u = c.service.ListUnits(c.caller); u.ok()) units = std::move(*u);
  // Roles that may not add units (a leader, a viewer) get PermissionDenied: no list, no forms.
  std::vector<app::UnknownUnit> unknown;
  auto listed = c.service.ListUnknownUnits(c.caller, notice_id);
  if (listed.ok()) unknown = std::move(*listed);
  PageSpec spec;
  spec.title =
      view->notice.status == domain::NoticeStatus::kDraft ? "Kiểm tra trích xuất" : "Thông báo";
  spec.active = "/notices";
  spec.body = "review";
  spec.flash = std::move(flash);
  return HtmlResponse(RenderPage(&c.viewer, spec, ReviewJson(*view, units, unknown, listed.ok())),
                      status);
}

// The patch a review form describes; unknown unit names go to `unknown`.
app::TaskPatch PatchOf(const Form& form, const std::vector<domain::Unit>& units,
                       std::vector<std::string>* unknown) {
  app::TaskPatch p;
  if (form.fields.count("text")) p.text = form.Get("text");
  if (form.fields.count("lead")) p.lead = UnitIdsOf(form.Get("lead"), units, unknown);
  if (form.fields.count("support")) p.support = UnitIdsOf(form.Get("support"), units, unknown);
  if (form.fields.count("kind") || form.fields.count("due")) {
    domain::Deadline d;
    auto kind = domain::DeadlineKindFromCode(form.Get("kind"));
    d.date = text::Date::FromIso(form.Get("due"));
    d.kind = kind ? *kind : (d.date ? domain::DeadlineKind::kDate : domain::DeadlineKind::kNone);
    if (d.kind == domain::DeadlineKind::kDate && !d.date) d.kind = domain::DeadlineKind::kNone;
    if (auto e = domain::EveryFromCode(form.Get("every"))) d.every = *e;
    p.deadline = d;
  }
  return p;
}

std::string UnknownMessage(const std::vector<std::string>& unknown) {
  std::string out = "Không có trong danh mục đơn vị: ";
  for (size_t i = 0; i < unknown.size(); ++i) out += (i ? "; " : "") + unknown[i];
  return out + ". Hãy chọn tên từ danh sách gợi ý hoặc thêm đơn vị vào danh mục.";
}

}  // namespace

void RegisterNoticePages(http::Router& r, app::Service& s) {
  r.Add("GET", "/import", PageDoc("Import a notice: upload or paste"), Signed(s, [](PageCall& c) {
          if (auto st = app::Authorize(c.caller, app::Action::kImportNotice); !st.ok()) {
            return StatusPage(&c.viewer, st);
          }
          return ImportPage(c, 200, "");
        }));

  r.Add("POST", "/import", PageDoc("Import a notice from the page form"),
        Signed(s, [](PageCall& c) {
          auto form = ParseForm(c.req);
          if (!form.ok()) return ImportPage(c, 400, "Biểu mẫu không hợp lệ.");
          std::string bytes, filename;
          auto file = form->files.find("file");
          if (file != form->files.end() && !file->second.data.empty()) {
            bytes = std::move(file->second.data);
            filename = file->second.filename;
          } else {
            bytes = form->Get("text");
            filename = form->Get("filename");
            if (filename.empty()) filename = "van-ban.txt";
            if (filename.find('.') == std::string::npos) filename += ".txt";
          }
          if (bytes.empty()) return ImportPage(c, 400, "Vui lòng chọn tệp hoặc dán nội dung.");
          auto res = c.service.ImportNotice(&c.caller, bytes, filename);
          if (!res.ok()) {
            return ImportPage(c, res.status().code() == StatusCode::kInternal ? 500 : 400,
                              ImportError(res.status()), form->Get("filename"), form->Get("text"));
          }
          if (res->duplicate_of) {
            return Redirect("/notices/" + std::to_string(*res->duplicate_of) + "?dup=1");
          }
          return Redirect("/notices/" + std::to_string(res->notice.id));
        }));

  r.Add("GET", "/notices", PageDoc("Imported notices"), Signed(s, [](PageCall& c) {
          store::NoticeFilter f;
          f.limit = 200;
          auto page = c.service.ListNotices(c.caller, f);
          if (!page.ok()) return StatusPage(&c.viewer, page.status());
          PageSpec spec;
          spec.title = "Thông báo";
          spec.active = "/notices";
          spec.body = "notices";
          return HtmlResponse(RenderPage(&c.viewer, spec, NoticeListJson(page->items)));
        }));

  r.Add("GET", "/notices/{id}", PageDoc("A notice: review screen while a draft"),
        Signed(s, [](PageCall& c) {
          auto id = PathId(c.req, "id");
          if (!id) return StatusPage(&c.viewer, Status::NotFound("notice"));
          std::optional<Flash> flash;
          if (c.req.Query("dup")) {
            flash = Flash{"info", "Văn bản này đã được nhập trước đây; đây là bản đã có."};
          } else if (auto ok = c.req.Query("ok")) {
            flash = Flash{"ok", *ok == "confirm" ? "Đã xác nhận. Các nhiệm vụ đã được giao."
                                : *ok == "unit" ? "Đã cập nhật danh mục đơn vị và gán cho các "
                                                  "nhiệm vụ nêu đơn vị này."
                                                : "Đã lưu thay đổi."};
          }
          return ReviewPage(c, *id, flash);
        }));

  r.Add("POST", "/notices/{id}/confirm", PageDoc("Confirm a draft notice's tasks"),
        Signed(s, [](PageCall& c) {
          auto id = PathId(c.req, "id");
          if (!id) return StatusPage(&c.viewer, Status::NotFound("notice"));
          auto res = c.service.ConfirmNotice(&c.caller, *id);
          if (!res.ok()) {
            return ReviewPage(c, *id, Flash{"error", VietnameseMessage(res.status())}, 409);
          }
          return Redirect("/notices/" + std::to_string(*id) + "?ok=confirm");
        }));

  r.Add("POST", "/notices/{id}/units",
        PageDoc("Add a unit the review found unknown to the directory, or as an alias"),
        Signed(s, [](PageCall& c) {
          auto id = PathId(c.req, "id");
          auto form = ParseForm(c.req);
          if (!id || !form.ok()) return StatusPage(&c.viewer, Status::InvalidArgument("form"));
          app::ReviewUnitAdd add;
          add.mention = form->Get("mention");
          if (form->Get("op") == "alias") {
            std::vector<domain::Unit> units;
            if (auto u = c.service.ListUnits(c.caller); u.ok()) units = std::move(*u);
            std::vector<std::string> unknown;
            std::vector<domain::Id> ids = UnitIdsOf(form->Get("alias_of"), units, &unknown);
            if (ids.size() != 1 || !unknown.empty()) {
              return ReviewPage(
                  c, *id, Flash{"error", "Hãy chọn đúng một đơn vị đã có trong danh mục."}, 400);
            }
            add.alias_of = ids[0];
          } else {
            add.name = form->Get("name");
            add.kind = form->Get("kind");
            if (const std::string parent = form->Get("parent"); !parent.empty()) {
              domain::Id v = 0;
              auto [p, ec] = std::from_chars(parent.data(), parent.data() + parent.size(), v);
              if (ec != std::errc() || p != parent.data() + parent.size() || v <= 0) {
                return ReviewPage(c, *id, Flash{"error", "Đơn vị cấp trên không hợp lệ."}, 400);
              }
              add.parent_id = v;
            }
          }
          auto res = c.service.AddReviewUnit(c.caller, *id, add);
          if (!res.ok()) {
            const StatusCode code = res.status().code();
            if (code == StatusCode::kPermissionDenied) return StatusPage(&c.viewer, res.status());
            return ReviewPage(c, *id, Flash{"error", VietnameseMessage(res.status())},
                              code == StatusCode::kConflict ? 409 : 400);
          }
          return Redirect("/notices/" + std::to_string(*id) + "?ok=unit");
        }));

  r.Add("POST", "/notices/{id}/tasks", PageDoc("Add a task to a draft notice"),
        Signed(s, [](PageCall& c) {
          auto id = PathId(c.req, "id");
          auto form = ParseForm(c.req);
          if (!id || !form.ok()) return StatusPage(&c.viewer, Status::InvalidArgument("form"));
          std::vector<domain::Unit> units;
          if (auto u = c.service.ListUnits(c.caller); u.ok()) units = std::move(*u);
          std::vector<std::string> unknown;
          app::TaskPatch p = PatchOf(*form, units, &unknown);
          if (!unknown.empty())
            return ReviewPage(c, *id, Flash{"error", UnknownMessage(unknown)}, 400);
          auto res = c.service.AddDraftTask(c.caller, *id, p);
          if (!res.ok())
            return ReviewPage(c, *id, Flash{"error", VietnameseMessage(res.status())}, 400);
          return Redirect("/notices/" + std::to_string(*id) + "?ok=save#row-" +
                          std::to_string(res->id));
        }));

  r.Add("POST", "/notices/{id}/tasks/{task}", PageDoc("Save, split, merge or delete a draft task"),
        Signed(s, [](PageCall& c) {
          auto id = PathId(c.req, "id");
          auto task_id = PathId(c.req, "task");
          auto form = ParseForm(c.req);
          if (!id || !task_id || !form.ok()) {
            return StatusPage(&c.viewer, Status::InvalidArgument("form"));
          }
          const std::string op = form->Get("op");
          std::string back = "/notices/" + std::to_string(*id) + "?ok=save";
          Status st;
          if (op == "delete") {
            st = c.service.DeleteDraftTask(c.caller, *task_id);
          } else if (op == "merge") {
            auto view = c.service.GetNotice(c.caller, *id);
            if (!view.ok()) return StatusPage(&c.viewer, view.status());
            std::optional<domain::Id> next;
            for (size_t i = 0; i + 1 < view->tasks.size(); ++i) {
              if (view->tasks[i].id == *task_id) next = view->tasks[i + 1].id;
            }
            if (!next) {
              return ReviewPage(c, *id, Flash{"error", "Không có nhiệm vụ sau để gộp."}, 400);
            }
            auto res = c.service.MergeDraftTasks(c.caller, {*task_id, *next});
            st = res.ok() ? Status::Ok() : res.status();
            back += "#row-" + std::to_string(*task_id);
          } else {
            std::vector<domain::Unit> units;
            if (auto u = c.service.ListUnits(c.caller); u.ok()) units = std::move(*u);
            std::vector<std::string> unknown;
            app::TaskPatch p = PatchOf(*form, units, &unknown);
            if (!unknown.empty()) {
              return ReviewPage(c, *id, Flash{"error", UnknownMessage(unknown)}, 400);
            }
            if (op == "split") {
              std::string text = p.text.value_or("");
              std::vector<std::string> parts;
              size_t pos = 0;
              while (true) {
                size_t cut = text.find("//", pos);
                std::string piece = text.substr(pos, cut == std::string::npos ? cut : cut - pos);
                while (!piece.empty() && (piece.front() == ' ' || piece.front() == '\n'))
                  piece.erase(0, 1);
                while (!piece.empty() &&
                       (piece.back() == ' ' || piece.back() == '\n' || piece.back() == '\r'))
                  piece.pop_back();
                if (!piece.empty()) parts.push_back(piece);
                if (cut == std::string::npos) break;
                pos = cut + 2;
              }
              if (parts.size() < 2) {
                return ReviewPage(c, *id,
                                  Flash{"error",
                                        "Đặt dấu // vào nội dung tại chỗ cần tách rồi "
                                        "bấm “Tách tại //”."},
                                  400);
              }
              p.text.reset();
              auto saved = c.service.EditDraftTask(c.caller, *task_id, p);
              st = saved.ok() ? Status::Ok() : saved.status();
              if (st.ok()) {
                auto res = c.service.SplitDraftTask(c.caller, *task_id, parts);
                st = res.ok() ? Status::Ok() : res.status();
              }
            } else {
              auto res = c.service.EditDraftTask(c.caller, *task_id, p);
              st = res.ok() ? Status::Ok() : res.status();
              back += "#row-" + std::to_string(*task_id);
            }
          }
          if (!st.ok()) return ReviewPage(c, *id, Flash{"error", VietnameseMessage(st)}, 400);
          return Redirect(back);
        }));
}

}  // namespace dondoc::web
