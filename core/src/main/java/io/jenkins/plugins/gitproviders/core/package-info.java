/**
 * Pure-Java logic of the Git Providers plugin. Nothing here depends on Jenkins; the plugin adapts it.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
