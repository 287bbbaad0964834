<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="city" tilewidth="16" tileheight="16" tilecount="56" columns="8">
 <image source="../../assets/tiles/city.png" width="128" height="112" />
 <tile id="0">
  <properties>
   <property name="name" value="grass_a" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="name" value="grass_b" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="name" value="grass_c" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="name" value="grass_d" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="name" value="paving_a" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="name" value="paving_b" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="name" value="paving_c" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="name" value="paving_d" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="name" value="road_a" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="name" value="road_b" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="name" value="road_lane_h" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="name" value="road_lane_v" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="name" value="plot_a" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="true" />
   <property name="tall" type="bool" value="false" />
   <property name="glow" type="color" value="#ff1a4a46" />
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="name" value="plot_b" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="true" />
   <property name="tall" type="bool" value="false" />
   <property name="glow" type="color" value="#ff1a4a46" />
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="name" value="mossy_paving" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="name" value="boardwalk" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="name" value="roof_a" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="name" value="roof_garden" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="name" value="roof_solar" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="name" value="roof_vent" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="name" value="wall_a" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="name" value="wall_window" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
   <property name="glow" type="color" value="#ff6a4010" />
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="name" value="wall_vines" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
   <property name="glow" type="color" value="#ff3a1844" />
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="name" value="wall_door" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="name" value="water_0" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
  <animation>
   <frame tileid="24" duration="250" />
   <frame tileid="25" duration="250" />
   <frame tileid="26" duration="250" />
   <frame tileid="27" duration="250" />
  </animation>
 </tile>
 <tile id="25">
  <properties>
   <property name="name" value="water_1" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="name" value="water_2" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="name" value="water_3" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="name" value="tree_0" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
  </properties>
  <animation>
   <frame tileid="28" duration="500" />
   <frame tileid="29" duration="500" />
  </animation>
 </tile>
 <tile id="29">
  <properties>
   <property name="name" value="tree_1" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="name" value="planter_0" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
   <property name="glow" type="color" value="#ff4a1a48" />
  </properties>
  <animation>
   <frame tileid="30" duration="500" />
   <frame tileid="31" duration="500" />
  </animation>
 </tile>
 <tile id="31">
  <properties>
   <property name="name" value="planter_1" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
   <property name="glow" type="color" value="#ff4a1a48" />
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="name" value="biolamp_0" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
   <property name="glow" type="color" value="#ff30a8a0" />
  </properties>
  <animation>
   <frame tileid="32" duration="600" />
   <frame tileid="33" duration="600" />
  </animation>
 </tile>
 <tile id="33">
  <properties>
   <property name="name" value="biolamp_1" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
   <property name="glow" type="color" value="#ff30a8a0" />
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="name" value="bench" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="name" value="recycler_kiosk" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="name" value="hedge" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="name" value="rubble" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="name" value="fountain_0" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
   <property name="glow" type="color" value="#ff206a78" />
  </properties>
  <animation>
   <frame tileid="38" duration="400" />
   <frame tileid="39" duration="400" />
  </animation>
 </tile>
 <tile id="39">
  <properties>
   <property name="name" value="fountain_1" />
   <property name="solid" type="bool" value="true" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="true" />
   <property name="glow" type="color" value="#ff206a78" />
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="name" value="grass_edge_0" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="name" value="grass_edge_1" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="name" value="grass_edge_2" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="43">
  <properties>
   <property name="name" value="grass_edge_3" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="44">
  <properties>
   <property name="name" value="grass_edge_4" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="name" value="grass_edge_5" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="46">
  <properties>
   <property name="name" value="grass_edge_6" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="name" value="grass_edge_7" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="48">
  <properties>
   <property name="name" value="grass_edge_8" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="49">
  <properties>
   <property name="name" value="grass_edge_9" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="50">
  <properties>
   <property name="name" value="grass_edge_10" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="51">
  <properties>
   <property name="name" value="grass_edge_11" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="name" value="grass_edge_12" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="53">
  <properties>
   <property name="name" value="grass_edge_13" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="54">
  <properties>
   <property name="name" value="grass_edge_14" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
 <tile id="55">
  <properties>
   <property name="name" value="grass_edge_15" />
   <property name="solid" type="bool" value="false" />
   <property name="buildable" type="bool" value="false" />
   <property name="tall" type="bool" value="false" />
  </properties>
 </tile>
</tileset>
