package simdae.cli.report;

import java.awt.image.BufferedImage;

/**
 * One rendered figure on its way to disk and to the page.
 *
 * @param file which figure it is (file name)
 * @param alt the image's alternative text
 * @param caption the caption under it on the page
 * @param image the pixels
 */
record Figure(FigureFile file, String alt, String caption, BufferedImage image) {
}
