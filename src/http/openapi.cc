#include "http/openapi.h"

#include <algorithm>
#include <cctype>

namespace dondoc::http {

namespace {

nlohmann::json ErrorSchemaRef() { return {{"$ref", "#/components/schemas/Error"}}; }

std::string OperationId(const Route& r) {
  std::string id;
  for (char c : r.method)
    id.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (const std::string& s : r.segments) {
    id.push_back('_');
    for (char c : s) {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') id.push_back(c);
    }
  }
  return id;
}

}  // namespace

nlohmann::json BuildOpenApi(const Router& router, std::string_view title,
                            std::string_view version) {
  nlohmann::json paths = nlohmann::json::object();
  for (const Route& r : router.routes()) {
    nlohmann::json op;
    op["summary"] = r.doc.summary;
    op["operationId"] = OperationId(r);
    if (!r.doc.tag.empty()) op["tags"] = {r.doc.tag};
    nlohmann::json params = nlohmann::json::array();
    for (const std::string& p : PatternParams(r.pattern)) {
      bool integer = p == "id" || (p.size() > 3 && p.ends_with("_id"));
      params.push_back({{"name", p},
                        {"in", "path"},
                        {"required", true},
                        {"schema", {{"type", integer ? "integer" : "string"}}}});
    }
    for (const ParamDoc& q : r.doc.query) {
      params.push_back({{"name", q.name},
                        {"in", "query"},
                        {"required", q.required},
                        {"description", q.description},
                        {"schema", {{"type", q.type}}}});
    }
    if (!params.empty()) op["parameters"] = params;
    if (!r.doc.request_body.empty()) {
      nlohmann::json content = nlohmann::json::object();
      nlohmann::json props = nlohmann::json::object();
      for (const std::string& f : r.doc.request_fields) props[f] = nlohmann::json::object();
      if (r.doc.request_body.find("json") != std::string::npos) {
        content["application/json"] = {{"schema", {{"type", "object"}, {"properties", props}}}};
      }
      if (r.doc.request_body.find("multipart") != std::string::npos) {
        content["multipart/form-data"] = {
            {"schema",
             {{"type", "object"},
              {"properties", {{"file", {{"type", "string"}, {"format", "binary"}}}}}}}};
      }
      op["requestBody"] = {{"required", true}, {"content", content}};
    }
    nlohmann::json responses;
    responses[std::to_string(r.doc.success_status)] = {
        {"description", "Success"},
        {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
    for (int code : {400, 401, 403, 404, 409, 413, 415, 422, 429}) {
      if (r.doc.public_route && (code == 401 || code == 403)) continue;
      responses[std::to_string(code)] = {
          {"description", "Error"},
          {"content", {{"application/json", {{"schema", ErrorSchemaRef()}}}}}};
    }
    op["responses"] = responses;
    if (r.doc.public_route) op["security"] = nlohmann::json::array();
    std::string method;
    for (char c : r.method)
      method.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    paths[r.pattern][method] = op;
  }
  nlohmann::json doc = {
      {"openapi", "3.0.3"},
      {"info", {{"title", title}, {"version", version}}},
      {"paths", paths},
      {"components",
       {{"schemas",
         {{"Error",
           {{"type", "object"},
            {"required", {"error"}},
            {"properties",
             {{"error",
               {{"type", "object"},
                {"required", {"code", "message"}},
                {"properties",
                 {{"code", {{"type", "string"}}}, {"message", {{"type", "string"}}}}}}}}}}}}},
        {"securitySchemes",
         {{"cookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "dondoc_session"}}},
          {"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}},
      {"security", {{{"cookie", nlohmann::json::array()}}, {{"bearer", nlohmann::json::array()}}}},
  };
  return doc;
}

}  // namespace dondoc::http
