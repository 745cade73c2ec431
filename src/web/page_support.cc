#include "web/page_support.h"

#include <sodium.h>

#include <charconv>

#include "http/cookies.h"
#include "http/multipart.h"
#include "http/offload.h"
#include "http/query.h"

namespace dondoc::web {

http::RouteDoc PageDoc(const char* summary, bool is_public) {
  http::RouteDoc d;
  d.summary = summary;
  d.tag = "pages";
  d.public_route = is_public;
  return d;
}

std::optional<domain::Id> IdOf(const std::string& s) {
  domain::Id v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

std::optional<domain::Id> PathId(const http::Request& req, const char* name) {
  return IdOf(req.Param(name));
}
namespace {

bool SameToken(const std::string& a, const std::string& b) {
  if (a.empty() || a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string UrlEncode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string Form::Get(const std::string& name) const {
  auto it = fields.find(name);
  return it == fields.end() ? "" : it->second;
}

Result<Form> ParseForm(const http::Request& req) {
  Form form;
  http::MediaType mt = http::ParseMediaType(req.Header("content-type"));
  if (mt.type == "multipart/form-data") {
    auto parts = http::ParseMultipart(req.Header("content-type"), req.body, 64);
    if (!parts.ok()) return parts.status();
    for (auto& p : *parts) {
      if (!p.filename.empty()) {
        form.files.emplace(p.name, Form::File{p.filename, p.content_type, std::move(p.data)});
      } else {
        form.all.emplace(p.name, p.data);
        form.fields.emplace(p.name, std::move(p.data));
      }
    }
    return form;
  }
  if (mt.type == "application/x-www-form-urlencoded" || mt.type.empty()) {
    auto q = http::ParseQuery(req.body, 2000);
    if (!q.ok()) return q.status();
    for (auto& [k, v] : *q) {
      form.all.emplace(k, v);
      form.fields.emplace(k, v);
    }
    return form;
  }
  return Status::Unsupported("form bodies must be urlencoded or multipart");
}

std::string SafeNext(std::string_view next) {
  if (next.size() < 1 || next.size() > 2000 || next[0] != '/' ||
      (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))) {
    return "/";
  }
  for (char c : next) {
    if (static_cast<unsigned char>(c) < 0x20) return "/";
  }
  return std::string(next);
}

Viewer ViewerOf(app::Service& service, const app::Caller& caller) {
  Viewer v;
  v.name = caller.user.display_name.empty() ? caller.user.username : caller.user.display_name;
  v.role = std::string(domain::RoleCode(caller.user.role));
  v.csrf = caller.csrf;
  if (caller.user.unit_id) {
    auto units = service.ListUnits(caller);
    if (units.ok()) {
      for (const auto& u : *units) {
        if (u.id == *caller.user.unit_id) v.unit_name = u.name;
      }
    }
  }
  return v;
}

http::Handler Signed(app::Service& service, PageHandler h) {
  return [&service, h = std::move(h)](http::Request& req) -> http::Response {
    // A page takes milliseconds to make (a dashboard after a write, ~17-47 ms on the 200,000-task
    // tenant): on an I/O thread it would hold up every cached API answer queued behind it.
    const bool read = req.method == "GET" || req.method == "HEAD";
    if (read && http::ShouldOffload()) return http::Response::Offload();
    auto token = http::FindCookie(req.Header("cookie"), kSessionCookieName);
    Result<app::Caller> caller = token ? service.AuthenticateSession(*token)
                                       : Result<app::Caller>(Status::Unauthenticated("no session"));
    if (!caller.ok()) {
      if (read) {
        std::string next = req.target;
        return Redirect(next == "/" ? "/login" : "/login?next=" + UrlEncode(next));
      }
      return ErrorPage(nullptr, 401, "Phiên làm việc đã hết hạn",
                       "Vui lòng đăng nhập lại rồi thực hiện lại thao tác.", "/login");
    }
    PageCall call{req, *caller, ViewerOf(service, *caller), service};
    if (req.method != "GET" && req.method != "HEAD") {
      std::string sent = req.Header("x-csrf-token");
      if (sent.empty()) {
        auto form = ParseForm(req);
        if (form.ok()) sent = form->Get("csrf");
      }
      if (!SameToken(sent, caller->csrf)) {
        return ErrorPage(&call.viewer, 403, "Yêu cầu không hợp lệ",
                         "Biểu mẫu đã cũ hoặc không đến từ trang này. Vui lòng tải lại trang "
                         "và thử lại.",
                         "/");
      }
    }
    return h(call);
  };
}

std::string VietnameseMessage(const Status& status) {
  switch (status.code()) {
    case StatusCode::kPermissionDenied:
      return "Bạn không có quyền thực hiện thao tác này.";
    case StatusCode::kNotFound:
      return "Không tìm thấy nội dung yêu cầu, hoặc bạn không có quyền xem.";
    case StatusCode::kInvalidArgument:
      return "Dữ liệu chưa hợp lệ: " + status.message();
    case StatusCode::kAlreadyExists:
      return "Đã có dữ liệu này: " + status.message();
    case StatusCode::kConflict:
      return "Thao tác không phù hợp với trạng thái hiện tại: " + status.message();
    case StatusCode::kTooLarge:
      return "Tệp hoặc nội dung quá lớn.";
    case StatusCode::kUnsupported:
      return "Định dạng tệp không được hỗ trợ. Hãy dùng .docx, .pdf hoặc .txt.";
    case StatusCode::kUnauthenticated:
      return "Vui lòng đăng nhập.";
    case StatusCode::kResourceExhausted:
      return "Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.";
    default:
      return "Hệ thống gặp lỗi. Vui lòng thử lại sau.";
  }
}

http::Response StatusPage(const Viewer* viewer, const Status& status, std::string_view back) {
  switch (status.code()) {
    case StatusCode::kPermissionDenied:
      return ErrorPage(viewer, 403, "Không được phép", VietnameseMessage(status), back);
    case StatusCode::kNotFound:
      return ErrorPage(viewer, 404, "Không tìm thấy", VietnameseMessage(status), back);
    case StatusCode::kInvalidArgument:
      return ErrorPage(viewer, 400, "Dữ liệu chưa hợp lệ", VietnameseMessage(status), back);
    case StatusCode::kAlreadyExists:
    case StatusCode::kConflict:
      return ErrorPage(viewer, 409, "Không thực hiện được", VietnameseMessage(status), back);
    case StatusCode::kTooLarge:
      return ErrorPage(viewer, 413, "Quá lớn", VietnameseMessage(status), back);
    case StatusCode::kUnsupported:
      return ErrorPage(viewer, 415, "Không hỗ trợ", VietnameseMessage(status), back);
    case StatusCode::kUnauthenticated:
      return ErrorPage(viewer, 401, "Chưa đăng nhập", VietnameseMessage(status), "/login");
    case StatusCode::kResourceExhausted:
      return ErrorPage(viewer, 429, "Quá nhiều yêu cầu", VietnameseMessage(status), back);
    default:
      return ErrorPage(viewer, 500, "Lỗi hệ thống", VietnameseMessage(status), back);
  }
}

}  // namespace dondoc::web
