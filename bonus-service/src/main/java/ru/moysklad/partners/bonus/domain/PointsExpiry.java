package ru.moysklad.partners.bonus.domain;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Which points have expired (optional; off by default): credits are spent oldest first, so each
 * debit, expiries included, uses up the oldest credits still unspent. What remains of the credits
 * booked before the cut-off has expired.
 */
public final class PointsExpiry {

    private PointsExpiry() {
    }

    /**
     * @param entries the partner's whole ledger, in booking order
     * @param cutoff  credits booked before this moment expire
     * @return the points to expire now (zero if none)
     */
    public static long due(List<LedgerEntry> entries, Instant cutoff) {
        Deque<long[]> lots = new ArrayDeque<>(); // {points left, booked-at epoch millis}
        for (LedgerEntry entry : entries) {
            if (entry.points() > 0) {
                lots.addLast(new long[] {entry.points(), entry.bookedAt().toEpochMilli()});
            } else {
                long debit = -entry.points();
                while (debit > 0 && !lots.isEmpty()) {
                    long[] oldest = lots.peekFirst();
                    long used = Math.min(debit, oldest[0]);
                    oldest[0] -= used;
                    debit -= used;
                    if (oldest[0] == 0) {
                        lots.removeFirst();
                    }
                }
            }
        }
        return lots.stream().filter(lot -> lot[1] < cutoff.toEpochMilli()).mapToLong(lot -> lot[0]).sum();
    }
}
