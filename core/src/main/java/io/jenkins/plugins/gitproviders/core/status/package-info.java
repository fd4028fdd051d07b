/**
 * Build status for the hosts' commits and pull requests, as plain data and pure logic: the state model, the mapping
 * of Jenkins results to each host's spelling, contexts, descriptions and targets, the diagnosis of a host's refusal
 * and the retry policy. The reporters that send a status live beside the host clients
 * ({@code client.<host>}); the plugin decides when to report and runs the retries off the build's thread.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.status;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
