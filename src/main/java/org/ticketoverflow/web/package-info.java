/**
 * Web concerns shared by every API module: problem-details errors (RFC 9457), absolute URLs built from the
 * request, the request body size limit and the per-service health endpoints.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.ticketoverflow.web;
