/**
 * The provider model: the eight host types with their defaults, and the immutable provider specification.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.model;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
