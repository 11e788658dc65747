package org.ticketoverflow.users;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.ticketoverflow.web.RequestRejected;

/** The mock users service: always the shipped list, whatever directory the rest of the system uses. */
@RestController
class UsersController {

    private final UserList users;

    UsersController(UserList users) {
        this.users = users;
    }

    @GetMapping("/api/v1/users")
    ResponseEntity<byte[]> all() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(users.allJson());
    }

    @GetMapping("/api/v1/users/{id}")
    ResponseEntity<byte[]> one(@PathVariable String id) {
        byte[] user = users.json(id).orElseThrow(() -> RequestRejected.notFound("No user with id " + id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(user);
    }
}
