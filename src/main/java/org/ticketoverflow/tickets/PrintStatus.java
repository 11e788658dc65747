package org.ticketoverflow.tickets;

public enum PrintStatus {
    NOT_PRINTED,
    PENDING,
    PRINTED,
    ERROR
}
