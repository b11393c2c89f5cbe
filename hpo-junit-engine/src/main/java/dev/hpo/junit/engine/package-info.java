/**
 * The hpo JUnit Platform engine ({@link dev.hpo.junit.engine.HpoTestEngine}, id {@code hpo}): discovery of
 * {@code @Objective} methods, their descriptors, and the smoke and study runs that execute them against
 * {@code dev.hpo.Study}.
 */
package dev.hpo.junit.engine;
