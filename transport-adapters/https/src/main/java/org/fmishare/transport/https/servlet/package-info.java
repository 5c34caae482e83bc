/**
 * A Jakarta Servlet 6 binding of the framework-neutral envelope receiver, for embedders whose receiving side runs in
 * a servlet container (Jetty, Tomcat, an application server) rather than in {@code HttpsReceiverServer}. The
 * container owns TLS; this package only maps requests to the handler and answers to responses. Needs
 * {@code jakarta.servlet:jakarta.servlet-api} 6, which the container provides.
 */
package org.fmishare.transport.https.servlet;
