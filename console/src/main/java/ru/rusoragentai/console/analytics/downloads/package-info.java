/**
 * Analysts' background exports and the Downloads list: a pseudonymised event-level export of millions of rows built as
 * a job (progress, cancel, notice when ready), written encrypted and expiring like privacy packages, and the files
 * scheduled reports make.
 */
@NullMarked
package ru.rusoragentai.console.analytics.downloads;

import org.jspecify.annotations.NullMarked;
