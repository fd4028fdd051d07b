/**
 * The registry of named providers and the rules of the domain: unique names, one default among the active
 * providers, no deleting a provider jobs still use, and resolution of a name to a provider with clear errors.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.registry;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
