/** The calibrate-tools.jar entry point: dispatches a command name to the core that runs it. */
package org.calibrate.tools;
