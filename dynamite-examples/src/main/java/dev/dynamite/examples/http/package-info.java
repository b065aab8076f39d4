/** The seed's HTTP integration, on the JDK's own HTTP server. */
package dev.dynamite.examples.http;
