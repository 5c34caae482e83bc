/**
 * Spring Boot auto-configuration for fmi-share: the {@code fmishare.*} properties ({@link
 * org.fmishare.spring.FmiShareProperties}), the beans they configure ({@link
 * org.fmishare.spring.FmiShareAutoConfiguration}), the dispatcher's Micrometer meters ({@link
 * org.fmishare.spring.DispatchMeters}) and the outbox health ({@link org.fmishare.spring.OutboxHealth}).
 */
package org.fmishare.spring;
