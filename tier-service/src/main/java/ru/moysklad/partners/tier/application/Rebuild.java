package ru.moysklad.partners.tier.application;

/**
 * Rebuilds the status engine's state from its input log: the same events in the same order give
 * the same statuses and history. For one running instance: stop the others first.
 */
public interface Rebuild {

    /** @throws Refused when the rebuild cannot start; then nothing has changed and the engine goes on as before */
    void rebuild();

    /** The rebuild could not start (an engine of another instance still reads the log); nothing was changed. */
    class Refused extends RuntimeException {

        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Port: forgets everything the engine derived from the log, in the caller's transaction. */
    interface State {

        void forgetAll();
    }
}
