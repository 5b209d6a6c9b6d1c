package ru.moysklad.partners.bonus.domain;

/** Port: announces an approved activity (ActivityLogged), in the transaction that approves it. */
public interface ActivityAnnouncements {

    void activityLogged(ActivityClaim approved);
}
