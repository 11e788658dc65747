package org.ticketoverflow.concerts;

public enum ConcertStatus {
    ACTIVE,
    CANCELLED,
    SOLD_OUT
}
