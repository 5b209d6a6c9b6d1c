package ru.moysklad.partners.deploy.bench;

import java.util.List;

/** One of issue 13's benchmarks: starts what it measures, drives it, prints and returns its figures, stops what it started. */
public interface Benchmark {

    /** The name {@code ./run bench NAME} selects it by. */
    String name();

    List<Figure> run(BenchEnvironment environment) throws Exception;
}
