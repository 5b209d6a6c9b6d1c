/**
 * The crash harness (issue 12): the platform's services as separate processes under a generated
 * stream, killed with SIGKILL and restarted as it runs, every figure reconciled against the input
 * at the end. {@code ./run crash-test} runs it at size; {@code CrashHarnessIT} a small one in the build.
 */
package ru.moysklad.partners.deploy.crash;
