package org.ticketoverflow.users;

public record User(String id, String name, String email) {}
