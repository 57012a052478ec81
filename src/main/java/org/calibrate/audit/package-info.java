/** The audit trail: who changed what, and when, for every state change that matters. */
package org.calibrate.audit;
