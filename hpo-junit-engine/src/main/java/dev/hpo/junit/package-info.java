/**
 * Annotations that turn a test method into an hyperparameter objective run by the hpo JUnit Platform engine:
 * {@link dev.hpo.junit.Objective} on the method, and a range annotation on each tuned parameter. The engine
 * itself lives in {@code dev.hpo.junit.engine}.
 */
package dev.hpo.junit;
