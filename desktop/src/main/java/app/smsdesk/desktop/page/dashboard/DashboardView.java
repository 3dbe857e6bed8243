package app.smsdesk.desktop.page.dashboard;

import app.smsdesk.desktop.shell.PageView;
import app.smsdesk.desktop.ui.Formats;
import app.smsdesk.desktop.ui.Ui;
import app.smsdesk.gateway.domain.DayCounts;
import app.smsdesk.gateway.domain.LogEntry;
import app.smsdesk.gateway.domain.ProcessingState;
import atlantafx.base.theme.Styles;
import java.time.format.DateTimeFormatter;
import java.util.function.ToLongFunction;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The dashboard screen. */
public final class DashboardView implements PageView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM");
    private final DashboardViewModel model;
    private final VBox root;
    private final StackedBarChart<String, Number> chart;
    private final VBox events = new VBox(6);

    public DashboardView(DashboardViewModel model) {
        this.model = model;
        HBox stats = new HBox(14,
                stat("Phones online", Feather.SMARTPHONE, model.phonesProperty(), model.phonesDetailProperty(),
                        "stat-phones"),
                stat("Messages today", Feather.SEND, model.todayTotalProperty().asString("%,d"),
                        model.todayDetailProperty(), "stat-today"),
                stat("Waiting to send", Feather.CLOCK, model.queueDepthProperty().asString("%,d"),
                        null, "stat-queue"),
                stat("Failed in the last hour", Feather.ALERT_TRIANGLE,
                        model.failedLastHourProperty().asString("%,d"), null, "stat-failed"));
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        chart = new StackedBarChart<>(x, y);
        chart.setId("traffic-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setCategoryGap(4);
        chart.setPrefHeight(300);
        model.days().addListener((ListChangeListener<DayCounts>) c -> fillChart());
        model.events().addListener((ListChangeListener<LogEntry>) c -> fillEvents());
        VBox chartCard = Ui.card("Messages per day, last 30 days", chart);
        VBox eventsCard = Ui.card("Latest events", events);
        eventsCard.setPrefWidth(380);
        eventsCard.setMinWidth(320);
        HBox lower = new HBox(14, chartCard, eventsCard);
        HBox.setHgrow(chartCard, Priority.ALWAYS);
        VBox content = new VBox(16, stats, lower);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root = new VBox(14, Ui.header("Dashboard", "Phones, traffic and the latest events at a glance."), scroll);
        root.setPadding(new Insets(20, 24, 16, 24));
    }

    private static VBox stat(String title, Feather icon, ObservableValue<String> value, ObservableValue<String> detail,
                             String id) {
        FontIcon i = Ui.icon(icon);
        Label t = new Label(title);
        t.getStyleClass().add("stat-label");
        HBox head = new HBox(8, i, t);
        head.setAlignment(Pos.CENTER_LEFT);
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("stat-value");
        v.textProperty().bind(value);
        VBox card = Ui.card(null, head, v);
        if (detail != null) {
            Label d = new Label();
            d.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            d.textProperty().bind(detail);
            card.getChildren().add(d);
        }
        card.setSpacing(6);
        HBox.setHgrow(card, Priority.ALWAYS);
        card.setMaxWidth(Double.MAX_VALUE);
        card.setPrefWidth(200);
        return card;
    }

    private void fillChart() {
        // With no traffic at all, auto-ranging collapses the axis to 0..0; keep a readable empty scale.
        NumberAxis y = (NumberAxis) chart.getYAxis();
        boolean empty = model.days().stream().allMatch(d -> d.total() == 0);
        y.setAutoRanging(!empty);
        if (empty) {
            y.setLowerBound(0);
            y.setUpperBound(10);
            y.setTickUnit(2);
        }
        chart.getData().setAll(series("Sent", DashboardViewModel::sent),
                series("Delivered", d -> d.get(ProcessingState.Delivered)),
                series("Failed", d -> d.get(ProcessingState.Failed)));
    }

    private XYChart.Series<String, Number> series(String name, ToLongFunction<DayCounts> value) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (DayCounts d : model.days()) {
            s.getData().add(new XYChart.Data<>(DAY.format(d.day()), value.applyAsLong(d)));
        }
        return s;
    }

    private void fillEvents() {
        events.getChildren().clear();
        if (model.events().isEmpty()) {
            events.getChildren().add(Ui.hint("Nothing happened yet."));
        }
        for (LogEntry e : model.events()) {
            Label what = new Label(e.message());
            what.setWrapText(true);
            Label when = new Label(e.module() + " \u00b7 " + Formats.relative(e.createdAt(), model.console().now()));
            when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            events.getChildren().add(new VBox(1, what, when));
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void onShow() {
        model.start();
    }

    @Override
    public void onHide() {
        model.stop();
    }

}
