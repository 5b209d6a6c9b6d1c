package ru.moysklad.partners.tier.application;

/**
 * Rebuilds the status engine's state from its input log: the same events in the same order give
 * the same statuses and history. For one running instance: stop the others first.
 */
public interface Rebuild {

    void rebuild();

    /** Port: forgets everything the engine derived from the log, in the caller's transaction. */
    interface State {

        void forgetAll();
    }
}
