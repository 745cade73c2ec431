// Routes of the occurrences of recurring tasks: /api/v1/tasks/{id}/occurrences...
#ifndef DONDOC_HTTP_API_OCCURRENCES_H_
#define DONDOC_HTTP_API_OCCURRENCES_H_

#include "app/service.h"
#include "http/router.h"

namespace dondoc::http {

// Registers the routes on `r`. `s` must outlive the router.
void RegisterOccurrenceRoutes(Router& r, app::Service& s);

}  // namespace dondoc::http

#endif  // DONDOC_HTTP_API_OCCURRENCES_H_
