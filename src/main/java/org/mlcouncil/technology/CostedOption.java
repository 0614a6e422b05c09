package org.mlcouncil.technology;

/**
 * One option considered for a component.
 *
 * @param number 1, 2 or 3, as the form numbers the options
 */
public record CostedOption(int number, String name, double yearlyCost) {
}
