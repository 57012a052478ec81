/** Readiness for operators and load balancers ({@code GET /health}, MicroProfile Health). */
package org.calibrate.health;
