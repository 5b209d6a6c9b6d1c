package ru.moysklad.partners.sales.application;

import java.time.LocalDate;
import java.util.List;

/** Port: bookkeeping for checks that run once a day over every partner, whatever the number of instances. */
public interface DailyChecks {

    /** True for exactly one caller per check and day. */
    boolean claimRun(String check, LocalDate day);

    /** Known partners in id order, after the given id ("" for the first page). */
    List<String> partnersAfter(String partnerId, int limit);
}
