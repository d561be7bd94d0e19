/** The four templates: state and argument encodings, gas, spend limits, signature checks. */
package io.smnode.vm.template;
