package org.ticketoverflow.users;

/** The remote users service could not answer; callers should say "try again", not "unknown user". */
public class UsersServiceUnavailable extends RuntimeException {

    UsersServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
