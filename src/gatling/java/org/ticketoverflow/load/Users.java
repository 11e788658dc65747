package org.ticketoverflow.load;

import java.util.concurrent.ThreadLocalRandom;

/** The fixed users of the mock users service: ids 00000000-0000-0000-0000-000000000001 … 005000. */
final class Users {

    static final int COUNT = 5000;

    private Users() {}

    static String id(int number) {
        return "00000000-0000-0000-0000-%012d".formatted(number);
    }

    /** A user at random (the spec would even allow every purchaser to be the same user). */
    static String randomId() {
        return id(ThreadLocalRandom.current().nextInt(1, COUNT + 1));
    }
}
