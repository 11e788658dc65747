package org.ticketoverflow.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Ticket ids are version 7 UUIDs: the sale's millisecond first, so later sales sort after earlier ones. */
class TicketIdsTests {

    /** A clock that a test moves by hand. */
    private final AtomicLong now =
            new AtomicLong(Instant.parse("2027-06-01T19:30:00Z").toEpochMilli());

    private final TicketIds ids = new TicketIds(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    });

    @Test
    void anIdIsAVersion7UuidCarryingTheMillisecondOfItsSale() {
        UUID id = UUID.fromString(ids.next());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.get());
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsTextAndNoIdRepeats() {
        List<String> sold = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (int millisecond = 0; millisecond < 200; millisecond++) {
            List<String> thisMillisecond = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                thisMillisecond.add(ids.next());
            }
            if (!sold.isEmpty()) {
                assertThat(thisMillisecond).allSatisfy(id -> assertThat(id).isGreaterThan(sold.getLast()));
            }
            sold.addAll(thisMillisecond.stream().sorted().toList());
            distinct.addAll(thisMillisecond);
            now.incrementAndGet();
        }

        assertThat(distinct).hasSize(100_000);
    }

    @Test
    void theRandomPartVariesInEveryBitItOwns() {
        long msbOr = 0, msbAnd = -1, lsbOr = 0, lsbAnd = -1;
        for (int i = 0; i < 2000; i++) {
            UUID id = UUID.fromString(ids.next());
            msbOr |= id.getMostSignificantBits();
            msbAnd &= id.getMostSignificantBits();
            lsbOr |= id.getLeastSignificantBits();
            lsbAnd &= id.getLeastSignificantBits();
        }

        // 12 random bits after the version, 62 after the variant: each seen both set and clear
        assertThat((msbOr & ~msbAnd) & 0x0fffL).isEqualTo(0x0fffL);
        assertThat((lsbOr & ~lsbAnd)).isEqualTo(0x3fff_ffff_ffff_ffffL);
    }
}
