package dev.statcallouts.images;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.retract;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Figures as pictures: sizes, budgets, caching, languages, and a stored reference per theme and language. */
@QuarkusTest
class ImageResourceTest {

    /** Set to write new references into src/test/resources/images instead of comparing (after a deliberate change). */
    private static final boolean UPDATE_REFERENCES = Boolean.getBoolean("images.update-references");

    private static BufferedImage png(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("a decodable PNG").isNotNull();
        return image;
    }

    /** Share of pixels that differ from the top-left corner's colour (the background). */
    static double inked(BufferedImage image) {
        int background = image.getRGB(image.getWidth() - 2, image.getHeight() / 2);
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    inked++;
                }
            }
        }
        return (double) inked / (image.getWidth() * image.getHeight());
    }

    /** Mean absolute difference per channel, 0 to 1, of two images of the same size. */
    static double difference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * 255 * a.getWidth() * a.getHeight());
    }

    @Test
    void aCardPictureHasItsWidthTwiceTheDensityAndStaysWithinItsBudget() throws IOException {
        String slug = slug("img");
        create(figure(slug));
        Response card = given().when().get("/images/s/" + slug + ".png");
        card.then()
                .statusCode(200)
                .contentType("image/png")
                .header("Cache-Control", containsString("max-age"))
                .header("Content-Language", "en");
        byte[] bytes = card.asByteArray();
        BufferedImage image = png(bytes);
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(image.getHeight()).isBetween(150, 400);
        assertThat(inked(image)).as("not blank").isGreaterThan(0.02);
        assertThat(bytes.length).as("PNG of a card ≤ 40 KB").isLessThanOrEqualTo(40 * 1024);

        BufferedImage sharp = png(given().queryParam("w", 400)
                .queryParam("dpr", 2)
                .when()
                .get("/images/s/" + slug + ".png")
                .asByteArray());
        assertThat(sharp.getWidth()).isEqualTo(800);

        // Cached and validated like cards.
        String etag = card.header("ETag");
        given().header("If-None-Match", etag)
                .when()
                .get("/images/s/" + slug + ".png")
                .then()
                .statusCode(304);
        Map<String, Object> corrected = figure(slug);
        corrected.put("value", "950000000000");
        update(corrected);
        String after = given().when().get("/images/s/" + slug + ".png").header("ETag");
        assertThat(after).isNotEqualTo(etag);
    }

    @Test
    void theSocialPictureIs1200By630AndTheSvgKeepsTheTextAsText() throws IOException {
        String slug = slug("social");
        create(figure(slug));
        byte[] social = given().when()
                .get("/images/s/" + slug + "/social.png")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();
        BufferedImage image = png(social);
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
        assertThat(inked(image)).isGreaterThan(0.02);
        assertThat(social.length).as("social PNG ≤ 120 KB").isLessThanOrEqualTo(120 * 1024);

        String svg = given().when()
                .get("/images/s/" + slug + ".svg")
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .header("Content-Encoding", "gzip")
                .extract()
                .asString();
        assertThat(svg)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\"")
                .contains("aria-label=\"¥920 billion cumulative investment in Rapidus (Source: Reuters)\"")
                .contains(
                        ">¥920 billion</text>",
                        ">cumulative investment in Rapidus</text>",
                        ">As of April 2, 2024</text>");
        String japanese = given().queryParam("lang", "ja")
                .when()
                .get("/images/s/" + slug + ".svg")
                .asString();
        assertThat(japanese).contains(">9200億円</text>", ">ラピダスへの累計投資額</text>").doesNotContain("cumulative");
    }

    @Test
    void aRetractedFigureSaysSoAndBadAddressesAreProblems() {
        String slug = slug("img-gone");
        create(figure(slug));
        retract(slug, "The survey was withdrawn");
        assertThat(given().when().get("/images/s/" + slug + ".svg").asString())
                .contains(">Retracted: The survey was withdrawn</text>", "text-decoration=\"line-through\"");
        given().queryParam("w", 9999)
                .when()
                .get("/images/s/" + slug + ".png")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("w"));
        given().queryParam("dpr", 3)
                .when()
                .get("/images/s/" + slug + ".png")
                .then()
                .statusCode(400);
        given().queryParam("w", 600)
                .when()
                .get("/images/s/" + slug + "/social.png")
                .then()
                .statusCode(400);
        given().when()
                .get("/images/s/no-such-figure-x.png")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{2} {0} {1}")
    @CsvSource({
        "light, en, card",
        "dark, en, card",
        "light, ja, card",
        "dark, ja, card",
        "light, en, social",
        "dark, ja, social"
    })
    void eachThemeAndLanguageLooksLikeItsStoredReference(String theme, String lang, String shape) throws IOException {
        String slug = slug("ref");
        create(figure(slug));
        boolean social = shape.equals("social");
        BufferedImage actual = png(given().queryParam("theme", theme)
                .queryParam("lang", lang)
                .queryParams(social ? Map.of() : Map.of("w", 480))
                .when()
                .get("/images/s/" + slug + (social ? "/social.png" : ".png"))
                .asByteArray());
        Path reference = Path.of("src/test/resources/images/" + shape + "-" + theme + "-" + lang + ".png");
        if (UPDATE_REFERENCES) {
            ImageIO.write(actual, "png", reference.toFile());
        }
        BufferedImage expected = ImageIO.read(Files.newInputStream(reference));
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).as("height, as laid out").isEqualTo(expected.getHeight());
        assertThat(difference(actual, expected))
                .as("difference from the reference")
                .isLessThan(0.01);
    }

    @Test
    void aPermalinkReadAsAnOpenGraphScraperWouldNamesAPictureOfItsDeclaredSize() throws IOException {
        String slug = slug("og");
        create(figure(slug));
        String page = given().queryParam("lang", "ja").when().get("/s/" + slug).asString();
        String image = meta(page, "property", "og:image");
        assertThat(image).startsWith("http").endsWith("/images/s/" + slug + "/social.png?lang=ja");
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(page, "name", "twitter:image")).isEqualTo(image);
        assertThat(meta(page, "property", "og:image:alt")).startsWith("9200億円 ラピダスへの累計投資額");
        Response fetched = given().when().get(image);
        fetched.then().statusCode(200).contentType("image/png");
        BufferedImage picture = png(fetched.asByteArray());
        assertThat(picture.getWidth()).isEqualTo(Integer.parseInt(meta(page, "property", "og:image:width")));
        assertThat(picture.getHeight()).isEqualTo(Integer.parseInt(meta(page, "property", "og:image:height")));

        // oEmbed consumers get it as the thumbnail, where it fits what they asked for.
        String permalink = page.replaceAll("(?s).*<link rel=\"canonical\" href=\"([^\"]+)\".*", "$1");
        given().queryParam("url", permalink)
                .when()
                .get("/oembed")
                .then()
                .statusCode(200)
                .body("thumbnail_url", org.hamcrest.Matchers.endsWith("/images/s/" + slug + "/social.png"))
                .body("thumbnail_width", org.hamcrest.Matchers.equalTo(1200))
                .body("thumbnail_height", org.hamcrest.Matchers.equalTo(630));
        // Asked for at most 600 px (as WordPress asks), the thumbnail is the card's picture at that width.
        io.restassured.path.json.JsonPath small = given().queryParam("url", permalink)
                .queryParam("maxwidth", 600)
                .when()
                .get("/oembed")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(small.getString("thumbnail_url")).endsWith("/images/s/" + slug + ".png?w=560");
        assertThat(small.getInt("thumbnail_width")).isEqualTo(560);
        BufferedImage thumbnail =
                png(given().when().get(small.getString("thumbnail_url")).asByteArray());
        assertThat(thumbnail.getWidth()).isEqualTo(560);
        assertThat(thumbnail.getHeight()).isEqualTo(small.getInt("thumbnail_height"));
        given().queryParam("url", permalink)
                .queryParam("maxwidth", 600)
                .queryParam("maxheight", 50)
                .when()
                .get("/oembed")
                .then()
                .statusCode(404);
    }

    @Test
    void theNewsletterSnippetReservesThePicturesOwnSizeAndTheEditorCanDownloadIt() throws IOException {
        String slug = slug("letter");
        create(figure(slug));
        String page =
                dev.statcallouts.testsupport.EditorSignIn.editor().html("/editor/figures/" + slug + "?theme=dark");
        String snippet = page.replaceAll("(?s).*<textarea id=\"snippet-newsletter\"[^>]*>([^<]*)</textarea>.*", "$1")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
        assertThat(snippet)
                .startsWith("<a href=\"http://localhost:8081/s/" + slug + "\"><img src=\"")
                .contains("alt=\"¥920 billion cumulative investment in Rapidus (Source: Reuters)\"", "width=\"600\"");
        // An attribute value, escaped as HTML wants it ("&amp;").
        String src = snippet.replaceAll(".*<img src=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        int height = Integer.parseInt(snippet.replaceAll(".* height=\"([0-9]+)\".*", "$1"));
        assertThat(src).endsWith("/images/s/" + slug + ".png?theme=dark&w=600&dpr=2");
        BufferedImage picture = png(given().when().get(src).asByteArray());
        assertThat(picture.getWidth()).isEqualTo(1200);
        assertThat(picture.getHeight())
                .as("the img's height attribute, at twice the density")
                .isEqualTo(2 * height);
        assertThat(page).contains("id=\"download-png\"", "/images/s/" + slug + ".svg?theme=dark&amp;w=1200");
    }

    @Test
    void aCollectionIsAPictureTooWithItsTitleAndEveryFigure() throws IOException {
        String a = slug("pca");
        String b = slug("pcb");
        create(figure(a));
        create(figure(b));
        String collection = slug("pcoll");
        dev.statcallouts.testsupport.TestData.createCollection(collection, java.util.List.of(a, b));
        BufferedImage card = png(given().when()
                .get("/images/c/" + collection + ".png")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray());
        assertThat(card.getWidth()).isEqualTo(600);
        assertThat(inked(card)).isGreaterThan(0.02);
        BufferedImage social = png(
                given().when().get("/images/c/" + collection + "/social.png").asByteArray());
        assertThat(social.getHeight()).isEqualTo(630);
        String svg = given().when().get("/images/c/" + collection + ".svg").asString();
        assertThat(svg).contains(">AI by the numbers</text>");
        assertThat(svg.split(">¥920 billion</text>")).hasSize(3);
        given().when().get("/images/c/no-such-collection-x.png").then().statusCode(404);
    }

    /** A meta element's content, as a scraper reads it (attributes in our order). */
    private static String meta(String page, String attribute, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "<meta " + attribute + "=\"" + java.util.regex.Pattern.quote(name) + "\" content=\"([^\"]*)\">")
                .matcher(page);
        assertThat(m.find()).as("meta %s", name).isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
