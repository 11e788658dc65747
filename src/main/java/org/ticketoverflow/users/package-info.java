/**
 * Users: the mock of another team's users service (the fixed list of 5000, served at {@code /api/v1/users}) and
 * {@link org.ticketoverflow.users.UserDirectory}, the only way the rest of the system looks users up. The
 * directory is in-process by default and an HTTP client with a cache when {@code TICKETOVERFLOW_USERS_URL} points
 * at the real service.
 */
package org.ticketoverflow.users;
