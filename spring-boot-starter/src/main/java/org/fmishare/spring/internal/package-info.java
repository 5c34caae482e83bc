/** Implementation of the Spring Boot starter: reading configured files, composing listeners. Not API. */
package org.fmishare.spring.internal;
