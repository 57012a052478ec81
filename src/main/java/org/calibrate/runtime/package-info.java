/**
 * Shared plumbing every feature stands on: the datasource, Flyway migrations, JCache caches,
 * the public base URL and the start-up banner. No feature rules live here.
 */
package org.calibrate.runtime;
