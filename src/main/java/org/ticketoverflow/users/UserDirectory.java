package org.ticketoverflow.users;

import java.util.Optional;

/** Where the system looks users up. Never assume the users live in this process. */
public interface UserDirectory {

    Optional<User> find(String id);
}
