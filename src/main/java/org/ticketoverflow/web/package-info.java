/**
 * Web concerns shared by every API module: problem-details errors (RFC 9457), absolute URLs built from the
 * request, the request body size limit, the per-service health endpoints and the node's roles.
 *
 * <p>A closed module: other modules use only its public types, {@link org.ticketoverflow.web.RequestRejected}
 * (answer a request with a problem), {@link org.ticketoverflow.web.BaseUrl} (absolute URLs) and
 * {@link org.ticketoverflow.web.NodeRoles} (this node's roles).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.CLOSED)
package org.ticketoverflow.web;
