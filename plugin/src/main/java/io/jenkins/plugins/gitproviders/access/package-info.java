/** Which jobs may use which provider: the folder property and the checks of the steps and the trigger. */
package io.jenkins.plugins.gitproviders.access;
