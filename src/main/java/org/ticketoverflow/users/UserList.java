package org.ticketoverflow.users;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixed list of users shipped in the jar ({@code users.json}). Each user's JSON is serialised once at start-up
 * because the mock is on every purchaser's path ("log in" before buying).
 */
@Component
class UserList {

    private final Map<String, User> users;
    private final Map<String, byte[]> userJson;
    private final byte[] allJson;

    UserList(JsonMapper json) {
        List<User> list;
        try (InputStream in = new ClassPathResource("users.json").getInputStream()) {
            list = json.readValue(in, new TypeReference<List<User>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("users.json is missing from the classpath", e);
        }
        this.users = new LinkedHashMap<>();
        this.userJson = new LinkedHashMap<>();
        for (User user : list) {
            users.put(user.id(), user);
            userJson.put(user.id(), json.writeValueAsBytes(user));
        }
        this.allJson = json.writeValueAsBytes(list);
    }

    Optional<User> find(String id) {
        return Optional.ofNullable(users.get(id));
    }

    Optional<byte[]> json(String id) {
        return Optional.ofNullable(userJson.get(id));
    }

    byte[] allJson() {
        return allJson;
    }

    int size() {
        return users.size();
    }
}
