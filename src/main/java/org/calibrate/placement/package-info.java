/**
 * Placements: where Calibrate sits in a course — made by deep linking, or met on the first launch of
 * a resource link — with the gradebook line item that grade return writes to.
 */
package org.calibrate.placement;
