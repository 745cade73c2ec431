// The JSON API under /api/v1: every route of shared/spec/api-core.md and the rest of the
// tracking core, each registered with its documentation (see GET /api/v1/openapi.json).
#ifndef DONDOC_HTTP_API_H_
#define DONDOC_HTTP_API_H_

#include <cstdint>
#include <functional>

#include "app/service.h"
#include "http/router.h"

namespace dondoc::http {

struct ApiOptions {
  bool secure_cookies = false;  // add Secure to the session cookie (behind HTTPS)
  // Store::DataVersion of the service's store: answers derived from the store are reused until
  // it moves. Unset: nothing is reused between requests.
  std::function<std::uint64_t()> data_version;
  // Store::AuthVersion of the same store, which moves with every change of a unit: the unit
  // names are reused until it moves (a progress report does not rebuild them). Unset: rebuilt
  // for every request.
  std::function<std::uint64_t()> auth_version;
};

// Registers the API routes on `router`. `service` must outlive the router.
void RegisterApi(Router& router, app::Service& service, ApiOptions options = {});

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_API_H_
