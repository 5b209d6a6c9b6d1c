package ru.moysklad.partners.sales.domain;

/** Port: the recorded sales. */
public interface Sales {

    /** Records the sale unless its payment id is already recorded; true when it was new. */
    boolean add(Sale sale);
}
