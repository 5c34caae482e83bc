/**
 * Core of the fmi-share SDK: the exception root shared by every module. The domain model lives in
 * {@link org.fmishare.core.model}, its JSON form in {@link org.fmishare.core.json}.
 */
package org.fmishare.core;
