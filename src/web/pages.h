// The server-rendered pages of dondoc (Vietnamese), served beside the JSON API. Every page
// calls app::Service use cases (never the store); every route checks the session itself.
#ifndef DONDOC_WEB_PAGES_H_
#define DONDOC_WEB_PAGES_H_

#include "app/service.h"
#include "http/router.h"

namespace dondoc::web {

struct PagesOptions {
  bool secure_cookies = false;  // add Secure to the session cookie (behind HTTPS)
};

// Registers the pages, the static files and the XLSX exports on `router`. `service` must
// outlive the router.
void RegisterPages(http::Router& router, app::Service& service, PagesOptions options = {});

// Registration of each group (pages_*.cc).
void RegisterAuthPages(http::Router& r, app::Service& s, const PagesOptions& o);
void RegisterTaskPages(http::Router& r, app::Service& s);
void RegisterNoticePages(http::Router& r, app::Service& s);
void RegisterDashboardPages(http::Router& r, app::Service& s);
void RegisterAdminPages(http::Router& r, app::Service& s);
void RegisterExportPages(http::Router& r, app::Service& s);

}  // namespace dondoc::web

#endif  // DONDOC_WEB_PAGES_H_
