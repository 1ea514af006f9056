package dev.s3inventory.cli;
public final class Main { public static void main(String[] a) {} }
